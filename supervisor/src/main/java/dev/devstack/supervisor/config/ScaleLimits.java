package dev.devstack.supervisor.config;

/**
 * How few and how many replicas a running stack may be scaled to (`+`/`-` in the dashboard,
 * `devstack scale`), as `scale: {min, max}` sets them; 1 to {@value ServiceSpec#MAX_SCALE} unless set.
 */
public record ScaleLimits(int min, int max) {

    public static final ScaleLimits ANY = new ScaleLimits(1, ServiceSpec.MAX_SCALE);

    public boolean allows(int replicas) {
        return replicas >= min && replicas <= max;
    }
}
