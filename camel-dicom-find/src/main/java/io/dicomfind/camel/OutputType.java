package io.dicomfind.camel;

/** How the producer hands C-FIND responses to the route, as camel-sql's {@code outputType}. */
public enum OutputType {
    /** All matching identifiers as a {@code List<Attributes>}, bounded by {@code maxResults}. */
    SelectList,
    /**
     * The first matching identifier, or a null body when nothing matched; a second match cancels the C-FIND and
     * sets header CamelDicomFindTruncated.
     */
    SelectOne,
    /**
     * A lazy {@code Iterator<Attributes>} that is also {@link java.io.Closeable}: each response is read from the
     * association when the route asks for it ({@code .split(body()).streaming()}).
     */
    StreamList
}
