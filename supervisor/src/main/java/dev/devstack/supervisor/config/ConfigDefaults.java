package dev.devstack.supervisor.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The value a service has for a key it does not write, as `devstack config` shows it; the table
 * in docs/configuration.md says the same. Keys whose default is "none" are not listed.
 */
final class ConfigDefaults {

    private static final Map<String, String> SERVICE = defaults();

    private ConfigDefaults() {
    }

    private static Map<String, String> defaults() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("cwd", ".");
        values.put("port", "auto");
        values.put("on_conflict", OnConflict.NEXT.word());
        values.put("stop_signal", StopSpec.DEFAULT.signal().name());
        values.put("stop_timeout", StopSpec.DEFAULT_TIMEOUT.toSeconds() + "s");
        values.put("restart", "no");
        values.put("backoff", RestartPolicy.DEFAULT_BACKOFF.toMillis() + "ms");
        values.put("scale", "1");
        values.put("oneshot", "false");
        values.put("exit_on_failure", "false");
        values.put("restart_on_unhealthy", "false");
        return values;
    }

    /**
     * The defaults of the keys a service leaves out; {@code inherit_port} has no port of its own, and
     * a service with a port of its own that is not a one-shot task is ready when the port accepts.
     */
    static List<ConfigSetting> forService(List<ConfigSetting.Step> service, Map<String, YamlNode.Entry> entries) {
        Set<String> written = entries.keySet();
        List<ConfigSetting> settings = new ArrayList<>();
        SERVICE.forEach((key, value) -> {
            boolean portKey = key.equals("port") || key.equals("on_conflict");
            if (!written.contains(key) && !(portKey && written.contains("inherit_port"))) {
                List<ConfigSetting.Step> path = new ArrayList<>(service);
                path.add(ConfigSetting.Step.key(key));
                settings.add(setting(path, value, "default"));
            }
        });
        if (!written.contains("ready") && ownPort(entries) && !said(entries.get("oneshot"), "true")) {
            List<ConfigSetting.Step> path = new ArrayList<>(service);
            path.add(ConfigSetting.Step.key("ready"));
            path.add(ConfigSetting.Step.key("tcp"));
            settings.add(setting(path, "true", "default: the service has a port of its own"));
        }
        return settings;
    }

    private static boolean ownPort(Map<String, YamlNode.Entry> entries) {
        return !entries.containsKey("inherit_port")
                && (!said(entries.get("port"), "none") || entries.containsKey("ports"));
    }

    private static boolean said(YamlNode.Entry entry, String text) {
        return entry != null && entry.value() instanceof YamlNode.Scalar scalar
                && scalar.text().strip().equalsIgnoreCase(text);
    }

    static ConfigSetting setting(List<ConfigSetting.Step> path, String value, String origin) {
        ConfigSetting.Kind kind = value.matches("\\d+") ? ConfigSetting.Kind.NUMBER
                : value.equals("true") || value.equals("false") ? ConfigSetting.Kind.BOOLEAN : ConfigSetting.Kind.TEXT;
        return new ConfigSetting(path, kind, value, origin);
    }
}
