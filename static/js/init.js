// Starts GOV.UK Frontend's components. Loaded as
// <script type="module" src="/static/js/init.js"></script>.
// The Content-Security-Policy allows no inline script, so the class that
// GOV.UK Frontend's inline snippet would add is added here instead.
// Every page works without JavaScript; this only enhances it.
import { initAll } from "../govuk/govuk-frontend.min.js";

document.body.classList.add("govuk-frontend-supported");
initAll();
