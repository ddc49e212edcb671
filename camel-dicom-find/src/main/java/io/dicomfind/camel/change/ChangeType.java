package io.dicomfind.camel.change;

/** What happened to a worklist item (or Q/R entity) between two complete, successful polls. */
public enum ChangeType {
    /** The key was not in the previous snapshot. */
    NEW,
    /** The key was there with other content; header CamelDicomFindChangedAttributes names what changed. */
    CHANGED,
    /** The key was in the previous snapshot and the SCP no longer returns it. */
    REMOVED
}
