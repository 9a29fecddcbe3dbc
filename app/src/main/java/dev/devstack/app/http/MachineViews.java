package dev.devstack.app.http;

/** What the API tells of the machine beside the stack: its services' CPU and memory, and every port's listener and lease. */
record MachineViews(UsageDocument usage, MachinePortsDocument ports) {
}
