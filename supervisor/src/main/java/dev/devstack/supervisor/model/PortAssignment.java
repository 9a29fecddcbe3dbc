package dev.devstack.supervisor.model;

/** The port one named port of a service gets ({@code portName} is empty for the primary port). */
public record PortAssignment(String service, String portName, int port, AssignmentReason reason) {

    public boolean primary() {
        return portName.isEmpty();
    }
}
