// The page: it asks the API (API_URL, given by devstack) for the forecast on every request.
// Express has no address of its own: it listens where the express preset says (PORT, HOST).
const express = require("express");

const app = express();

app.get("/", async (request, response) => {
  const forecast = await (await fetch(`${process.env.API_URL}/forecast`)).json();
  response.send(`<h1>Weather</h1><p>${forecast.city}: ${forecast.sky} (from ${forecast.served_by})</p>\n`);
});

const server = app.listen(Number(process.env.PORT), process.env.HOST, () => {
  console.log(`web listening on http://${process.env.HOST}:${process.env.PORT}`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
