<#macro page title>
<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title} · netns-lab</title>
  <link rel="stylesheet" href="/app.css">
  <script src="/webjars/htmx.org/2.0.10/dist/htmx.min.js" defer></script>
  <script src="/restore.js" defer></script>
  <script src="/terminal.js" defer></script>
</head>
<body>
  <header class="top">
    <a class="brand" href="/">netns-lab</a>
    <span class="tagline">how containers get their network, step by step</span>
    <nav><a href="/">Lessons</a> <a href="/lab">Free lab</a></nav>
  </header>
  <main>
    <#nested>
  </main>
</body>
</html>
</#macro>
