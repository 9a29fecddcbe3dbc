package dev.devstack.app.view;

/** What one service uses; {@code cpuPercent} is NaN until a second sample of the same process exists. */
public record ServiceUsage(double cpuPercent, long residentBytes) {
}
