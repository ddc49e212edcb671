package io.dicomfind.camel;

/**
 * The path of a {@code dicomfind:} URI: {@code CALLEDAET@host:port} or {@code host:port}, with IPv6 literals in
 * brackets ({@code PACS@[::1]:104}). The AE title is taken up to the last '@', which a host never contains.
 *
 * @param calledAeTitle null when the path has none (the calledAet option or its default then applies)
 */
record PeerAddress(String calledAeTitle, String host, int port) {
    static PeerAddress parse(String remaining) {
        String s = remaining == null ? "" : remaining.trim();
        if (s.startsWith("//")) {
            s = s.substring(2);
        }
        int q = s.indexOf('?');
        if (q >= 0) {
            s = s.substring(0, q);
        }
        String ae = null;
        int at = s.lastIndexOf('@');
        if (at >= 0) {
            ae = s.substring(0, at);
            s = s.substring(at + 1);
            if (ae.isEmpty()) {
                throw new IllegalArgumentException("dicomfind: empty called AE title before '@' in '" + remaining + "'");
            }
        }
        String host;
        String port;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0 || close + 1 >= s.length() || s.charAt(close + 1) != ':') {
                throw new IllegalArgumentException("dicomfind: '" + remaining
                        + "' is not [ipv6]:port; write e.g. dicomfind:PACS@[::1]:104");
            }
            host = s.substring(1, close);
            port = s.substring(close + 2);
        } else {
            int colon = s.lastIndexOf(':');
            if (colon < 0 || s.indexOf(':') != colon) {
                throw new IllegalArgumentException("dicomfind: '" + remaining
                        + "' has no port; write dicomfind:CALLEDAET@host:port or dicomfind:host:port");
            }
            host = s.substring(0, colon);
            port = s.substring(colon + 1);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("dicomfind: no host in '" + remaining + "'");
        }
        try {
            return new PeerAddress(ae, host, Integer.parseInt(port));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("dicomfind: port '" + port + "' in '" + remaining
                    + "' is not a number");
        }
    }
}
