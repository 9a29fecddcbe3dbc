import "./style.css";

// The API is reached through Vite's own origin (/api is proxied, see vite.config.js), so the page
// needs neither CORS nor the API's port.
const response = await fetch("/api/notes");
const { notes } = await response.json();
document.querySelector("#notes").innerHTML = notes.map((note) => `<li>${note}</li>`).join("");
