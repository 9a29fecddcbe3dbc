"""The API, built by an application factory: `flask --app notes_api run` finds create_app()."""
from flask import Flask, jsonify


def create_app():
    app = Flask(__name__)
    notes = ["buy milk", "ship the release"]

    @app.get("/api/notes")
    def list_notes():
        return jsonify(notes=notes, served_by="flask")

    return app
