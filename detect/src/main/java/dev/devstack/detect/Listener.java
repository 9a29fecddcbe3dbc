package dev.devstack.detect;

/** A listening TCP socket as the kernel lists it: address, port, owner uid and socket inode. */
public record Listener(String address, int port, int uid, long inode) {
}
