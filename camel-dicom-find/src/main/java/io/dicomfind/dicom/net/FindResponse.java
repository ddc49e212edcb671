package io.dicomfind.dicom.net;

import io.dicomfind.dicom.data.Attributes;

/**
 * One C-FIND-RSP (PS3.7 9.3.2.2): its status, the decoded Identifier (for Pending responses; null when none was
 * sent, and always null for final responses, whose data set, if a peer sends one, is ignored) and the raw command.
 */
public final class FindResponse {
    private final int messageIdBeingRespondedTo;
    private final DimseStatus status;
    private final Attributes identifier;
    private final Attributes command;
    private final int index;

    public FindResponse(int messageIdBeingRespondedTo, DimseStatus status, Attributes identifier,
            Attributes command, int index) {
        this.messageIdBeingRespondedTo = messageIdBeingRespondedTo;
        this.status = status;
        this.identifier = identifier;
        this.command = command;
        this.index = index;
    }

    /** (0000,0120): equal to the Message ID of the C-FIND-RQ (checked on receipt). */
    public int messageIdBeingRespondedTo() {
        return messageIdBeingRespondedTo;
    }

    public DimseStatus status() {
        return status;
    }

    /** The matching Identifier of a Pending response, or null. */
    public Attributes identifier() {
        return identifier;
    }

    /** The response command set as received (group 0000). */
    public Attributes command() {
        return command;
    }

    /** 1-based position of this response in its C-FIND. */
    public int index() {
        return index;
    }

    public boolean isPending() {
        return status.isPending();
    }

    public boolean isFinal() {
        return status.isFinal();
    }

    @Override
    public String toString() {
        return "C-FIND-RSP #" + index + " (message ID " + messageIdBeingRespondedTo + "): " + status
                + (identifier != null ? ", identifier with " + identifier.size() + " elements" : "");
    }
}
