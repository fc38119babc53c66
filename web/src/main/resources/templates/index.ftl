<#import "layout.ftl" as layout>
<@layout.page title="Lessons">
  <h1>Lessons</h1>
  <p class="lead">Type the real commands of five tutorials and watch each namespace's links, addresses and
    routes change, step by step: watch each step typed for you, or do it yourself, with a check that says
    what is missing. Labs run on the <strong>${(backend == "sim")?then("simulator", "real kernel")}</strong>.</p>
  <ol class="lessons">
  <#list lessons as l>
    <li class="lesson-card">
      <h2><a href="/lessons/${l.id}">${l.title}</a></h2>
      <div class="summary">${l.summary?no_esc}</div>
      <#if l.tutorial?has_content><div class="tutorial">From ${l.tutorial?no_esc}</div></#if>
      <p class="meta">${l.steps} steps · <a href="/lessons/${l.id}">Watch</a> · <a href="/lessons/${l.id}/exercise">Do it yourself</a>
        <span class="exercise-progress" data-progress-of="/lessons/${l.id}/exercise">${l.progress}</span></p>
    </li>
  </#list>
  </ol>
  <#if broken?has_content>
  <h2>Lessons with problems</h2>
  <ul class="lessons-with-problems">
  <#list broken as b>
    <li><a href="/lessons/${b.id}">${b.id}</a> (<code>${b.file}</code>): ${b.problems} problem<#if b.problems != 1>s</#if></li>
  </#list>
  </ul>
  </#if>
  <p>Or open the <a href="/lab">free lab</a>: a host with a way to the internet, and nothing else yet.</p>
</@layout.page>
