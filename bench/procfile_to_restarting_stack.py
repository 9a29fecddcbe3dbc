#!/usr/bin/env python3
"""Adapter for the shared peer harness (scenario S3): prints a ports.yaml that runs every process of
the Procfile in the current folder with `restart: on-failure` and `backoff: 0`, so that devstack
restarts a killed service as pm2 and supervisord (with autorestart) do.

  python3 procfile_to_restarting_stack.py > ports.yaml
"""
import json

with open("Procfile") as procfile:
    print("services:")
    for line in procfile:
        line = line.strip()
        if line and not line.startswith("#"):
            name, command = line.split(":", 1)
            print(f"  {name.strip()}: {{ command: {json.dumps(command.strip())}, restart: on-failure, backoff: 0 }}")
