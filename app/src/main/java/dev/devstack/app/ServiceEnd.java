package dev.devstack.app;

import dev.devstack.supervisor.model.StackEvent;
import java.util.Optional;

/**
 * A service that ended while `down` stopped its stack, with the change that told how; empty when
 * the stack closed the connection before its last events reached `down` (the stack's own output
 * has them).
 */
public record ServiceEnd(String service, Optional<StackEvent.StateChanged> change) {
}
