"""The API: GET /forecast. uvicorn is told where to listen by the fastapi preset (UVICORN_HOST/PORT)."""
from fastapi import FastAPI

app = FastAPI()


@app.get("/forecast")
def forecast():
    return {"city": "Lisbon", "sky": "sunny", "served_by": "fastapi"}
