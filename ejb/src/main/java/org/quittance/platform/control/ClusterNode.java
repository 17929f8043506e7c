package org.quittance.platform.control;

/** This server's name in its cluster: jboss.node.name, which WildFly sets to the host's name when it runs alone. */
public final class ClusterNode {

    private ClusterNode() {
    }

    public static String name() {
        return System.getProperty("jboss.node.name", "quittance");
    }
}
