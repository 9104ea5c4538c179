// Marks the page as able to run GOV.UK Frontend before it is first drawn, so the styles that
// need JavaScript (the collapsed menu on phones) apply from the start and nothing shifts when
// init.js runs. GOV.UK's page template does this with an inline script, which our
// Content-Security-Policy forbids; this file is loaded with a plain <script> at the top of <body>.
if ("noModule" in HTMLScriptElement.prototype) {
  document.body.classList.add("govuk-frontend-supported");
}
