"""bench_names.py's WebSocket backend: echoes every frame on 127.0.0.1:$PORT (RFC 6455 by hand,
enough for the benchmark's unfragmented text frames: the Python on a fresh Debian has no
WebSocket library). Idle connections cost it nothing but a socket, so it can hold thousands."""
import asyncio
import base64
import hashlib
import os
import resource
import signal
import sys

GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


async def serve(reader, writer):
    try:
        head = await reader.readuntil(b"\r\n\r\n")
        key = next(line.split(b":", 1)[1].strip() for line in head.split(b"\r\n")
                   if line.lower().startswith(b"sec-websocket-key:"))
        accept = base64.b64encode(hashlib.sha1(key + GUID).digest())
        writer.write(b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                     b"Sec-WebSocket-Accept: " + accept + b"\r\n\r\n")
        while True:
            first, second = await reader.readexactly(2)
            length = second & 0x7F
            if length == 126:
                length = int.from_bytes(await reader.readexactly(2), "big")
            elif length == 127:
                length = int.from_bytes(await reader.readexactly(8), "big")
            mask = await reader.readexactly(4) if second & 0x80 else b"\0\0\0\0"
            payload = bytes(b ^ mask[i % 4] for i, b in enumerate(await reader.readexactly(length)))
            if first & 0x0F == 0x8:
                writer.write(b"\x88\x00")
                break
            header = bytes([first, length]) if length < 126 else bytes([first, 126]) + length.to_bytes(2, "big")
            writer.write(header + payload)
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError, StopIteration):
        pass
    finally:
        writer.close()


async def main():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    server = await asyncio.start_server(serve, "127.0.0.1", int(os.environ["PORT"]), backlog=1024)
    print("listening on", os.environ["PORT"], flush=True)
    async with server:
        await server.serve_forever()


signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
asyncio.run(main())
