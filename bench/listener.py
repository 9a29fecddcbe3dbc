"""A benchmark service: listens on 127.0.0.1:$PORT until stopped."""
import os
import signal
import socket
import sys

signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
server = socket.socket()
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", int(os.environ["PORT"])))
server.listen(64)
print("listening on", os.environ["PORT"], flush=True)
while True:
    server.accept()[0].close()
