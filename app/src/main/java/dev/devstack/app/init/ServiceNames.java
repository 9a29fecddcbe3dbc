package dev.devstack.app.init;

import java.util.Locale;

/** A service name ports.yaml accepts (letters, digits, `_` and `-`, starting with a letter or digit), made from a folder's or package's name. */
final class ServiceNames {

    private ServiceNames() {
    }

    static String of(String anything, String fallback) {
        String name = anything.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-")
                .replaceAll("^[^a-z0-9]+", "").replaceAll("-+$", "");
        return name.isEmpty() || name.equals("system") ? fallback : name;
    }
}
