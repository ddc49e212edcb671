package io.dicomfind.examples.ha;

import org.apache.camel.main.Main;

/**
 * One node of the highly available worklist example: {@code run-node.sh NODE_ID}, connections from the environment
 * ({@link NodeConfig}). Runs until SIGTERM or Ctrl-C; every node runs the same route, only the leader polls.
 */
public final class WorklistHaNode {
    private WorklistHaNode() {
    }

    public static void main(String... args) throws Exception {
        NodeConfig config;
        try {
            config = NodeConfig.fromEnvironment(args.length > 0 ? args[0] : null, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("worklist-ha: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println("worklist-ha " + config);
        Main main = new Main();
        main.configure().withName("worklist-ha-" + config.nodeId());
        main.configure().addRoutesBuilder(new WorklistHaRoutes(config));
        main.run();
    }
}
