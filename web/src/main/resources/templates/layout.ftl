<#macro page title>
<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title} · netns-lab</title>
  <link rel="stylesheet" href="/app.css">
  <link rel="icon" href="/favicon.svg" type="image/svg+xml">
  <script src="/webjars/htmx.org/2.0.10/dist/htmx.min.js" defer></script>
  <script src="/restore.js" defer></script>
  <script src="/terminal.js" defer></script>
  <script src="/page.js" defer></script>
  <script src="/journey.js" defer></script>
</head>
<body>
  <a class="skip" href="#main">Skip to the content</a>
  <header class="top">
    <a class="brand" href="/">netns-lab</a>
    <span class="tagline">how containers get their network, step by step</span>
    <nav><a href="/">Lessons</a> <a href="/lab">Free lab</a></nav>
  </header>
  <main id="main" tabindex="-1">
    <#nested>
    <p id="lab-status" class="lab-status" role="status" aria-live="polite"></p>
  </main>
</body>
</html>
</#macro>
