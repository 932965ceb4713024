// Material for MkDocs 9.8.1 partials/javascripts/content.html (second script), moved out of
// the page so the Content-Security-Policy can forbid inline scripts.
// tests/test_content_security_policy.py checks this still matches Material's code.
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
