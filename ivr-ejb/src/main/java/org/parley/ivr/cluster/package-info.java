/**
 * What makes several Parley nodes one service: the node's name, and (with the rule lifecycle) every node serving the
 * rule set the database says is published. State shared between nodes lives in WildFly's Infinispan caches and the
 * database; nothing here replaces WildFly's clustering.
 */
package org.parley.ivr.cluster;
