package io.dicomfind.examples.ha;

import java.util.Map;

/**
 * A node's connections, from the environment (run-node.sh documents them). Missing or malformed values are refused
 * at startup with the variable's name; the password is never part of {@link #toString()}.
 */
record NodeConfig(String nodeId, String scp, String zooKeeper, String jdbcUrl, String jdbcUser, String jdbcPassword,
        long periodMillis, String station, String date, long zooKeeperSessionTimeout) {

    static NodeConfig fromEnvironment(String nodeId, Map<String, String> env) {
        if (nodeId == null || !nodeId.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("NODE_ID '" + nodeId + "' must be 1-64 letters, digits, '.', '_' or '-'");
        }
        String scp = required(env, "DICOMFIND_SCP");
        if (!scp.matches("[^@]{1,16}@[^:@]+:[0-9]{1,5}")) {
            throw new IllegalArgumentException("DICOMFIND_SCP '" + scp + "' must be AE@host:port, e.g. WLM@ris:104");
        }
        return new NodeConfig(nodeId, scp, required(env, "DICOMFIND_ZK"), required(env, "DICOMFIND_JDBC_URL"),
                required(env, "DICOMFIND_JDBC_USER"), env.get("DICOMFIND_JDBC_PASSWORD"),
                millis(env, "DICOMFIND_PERIOD", null), optional(env, "DICOMFIND_STATION"),
                optional(env, "DICOMFIND_DATE"), millis(env, "DICOMFIND_ZK_SESSION_TIMEOUT", 10_000L));
    }

    private static String required(Map<String, String> env, String name) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("environment variable " + name + " is not set (see run-node.sh)");
        }
        return v.trim();
    }

    private static String optional(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? "" : v.trim();
    }

    private static long millis(Map<String, String> env, String name, Long fallback) {
        String v = env.get(name);
        if ((v == null || v.isBlank()) && fallback != null) {
            return fallback;
        }
        String text = fallback == null ? required(env, name) : v.trim();
        try {
            long ms = Long.parseLong(text);
            if (ms > 0) {
                return ms;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " '" + text + "' must be a positive number of milliseconds");
    }

    @Override
    public String toString() {
        return "node " + nodeId + ": SCP " + scp + ", ZooKeeper " + zooKeeper + ", database " + jdbcUrl + " as "
                + jdbcUser + ", every " + periodMillis + " ms, station " + (station.isEmpty() ? "any" : station)
                + ", date " + (date.isEmpty() ? "any" : date);
    }
}
