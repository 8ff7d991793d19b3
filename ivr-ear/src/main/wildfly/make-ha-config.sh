#!/usr/bin/env bash
# Makes standalone-ha.xml, the cluster configuration, next to standalone.xml in the provisioned server: a copy of
# the single-node configuration (layers and configure-server.cli) with configure-cluster.cli applied offline by
# WildFly's own CLI. Run by the build after the server is provisioned.
set -euo pipefail
server=$1
script=$2
config=$server/standalone/configuration
cp "$config/standalone.xml" "$config/standalone-ha.xml"
JAVA_OPTS="${JAVA_OPTS:-} -Djava.util.logging.manager=org.jboss.logmanager.LogManager" \
    "$server/bin/jboss-cli.sh" --file="$script" --echo-command
