package dev.devstack.supervisor.config;

import java.util.List;
import java.util.Set;

/**
 * The configuration with every layer merged: its top mapping, the files read (ports.yaml and
 * ports.local.yaml; extended files name themselves in locations), and the nodes the chosen
 * environment laid over the files (compared by identity), so their origin can say so.
 */
record Layered(YamlNode.Mapping top, List<String> files, Set<YamlNode> fromEnvironment) {

    Layered {
        files = List.copyOf(files);
    }
}
