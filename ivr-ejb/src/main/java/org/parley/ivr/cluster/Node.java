package org.parley.ivr.cluster;

/** This server's name in the cluster ({@code jboss.node.name}), recorded with the calls it takes and the work it claims. */
public final class Node {

    private Node() {
    }

    public static String name() {
        return System.getProperty("jboss.node.name", "parley");
    }
}
