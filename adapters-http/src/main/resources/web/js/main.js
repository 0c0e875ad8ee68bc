// Starts the web app: one client for the signed-in person, the views on top of it.
import { html, render } from "../vendor/htm-preact.module.js";
import { Client } from "./api.js";
import { App } from "./ui/app.js";

const client = new Client(sessionStorage);
render(html`<${App} client=${client} />`, document.getElementById("app"));
