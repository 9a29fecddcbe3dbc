package dev.devstack.supervisor.model;

import java.time.Instant;

/**
 * One restart of a unit: when it was decided and why ({@code why} is the {@link
 * ServiceDetail.RestartScheduled} or {@link ServiceDetail.RestartingNow} that said so).
 */
public record RestartRecord(Instant at, ServiceDetail why) {
}
