// Lets the options sections import their own stylesheets; Vite bundles them into the page.
/// <reference types="vite/client" />
