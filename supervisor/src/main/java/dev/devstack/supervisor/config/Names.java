package dev.devstack.supervisor.config;

import java.util.List;
import java.util.Optional;

/**
 * What a stack asks of the agent's names (docs/names.md): {@code urls: names} makes every
 * {@code ${svc.url}} and {@code <SVC>_URL} the service's name ({@code http://web.shop.localhost:2080})
 * instead of its port; {@code front_door: web} also gives that service the project's own name
 * ({@code http://shop.localhost:2080}). Names route whether or not the URLs use them.
 */
public record Names(boolean inUrls, Optional<String> frontDoor) {

    public static final Names NONE = new Names(false, Optional.empty());

    static final String URLS = "urls";
    static final String FRONT_DOOR = "front_door";
    private static final List<String> URL_KINDS = List.of("ports", "names");

    /** Reads the two keys of the top level; a front door that names no service with a port is a problem. */
    static Names read(YamlNode.Mapping top, List<ServiceSpec> services, Values values, Problems problems) {
        boolean inUrls = Optional.ofNullable(top.entries().get(URLS)).flatMap(entry -> values.text(URLS, entry.value())
                .filter(kind -> {
                    if (URL_KINDS.contains(kind)) {
                        return true;
                    }
                    problems.add(entry.value().location(), "`urls` must be `ports` (http://127.0.0.1:PORT, the default)"
                            + " or `names` (http://SERVICE.PROJECT.localhost:PORT through the agent), got `" + kind + "`");
                    return false;
                })).map("names"::equals).orElse(false);
        Optional<String> frontDoor = Optional.ofNullable(top.entries().get(FRONT_DOOR))
                .flatMap(entry -> values.nonBlankText(FRONT_DOOR, entry.value()).filter(name -> {
                    Optional<ServiceSpec> service = services.stream().filter(s -> s.name().equals(name)).findFirst();
                    if (service.isEmpty()) {
                        problems.add(entry.value().location(), "`front_door` names `" + name + "`, which is no service"
                                + " of this file; it has: " + String.join(", ", services.stream().map(ServiceSpec::name)
                                .toList()));
                        return false;
                    }
                    if (!service.get().hasPort()) {
                        problems.add(entry.value().location(), "`front_door` names `" + name + "`, which has no port"
                                + " (`port: none`); the project's name can only lead to a service with a port");
                        return false;
                    }
                    return true;
                }));
        return new Names(inUrls, frontDoor);
    }
}
