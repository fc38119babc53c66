<#import "layout.ftl" as layout>
<@layout.page title=(lesson??)?then(lesson.title, "Free lab")>
  <#if lesson??>
    <h1>${lesson.title}</h1>
    <div class="summary">${lesson.summary?no_esc}</div>
    <#if lesson.tutorial?has_content><div class="tutorial">From ${lesson.tutorial?no_esc}</div></#if>
    <nav class="modes" aria-label="two ways through the lesson">
      <a href="/lessons/${lesson.id}"<#if !exercise??> aria-current="page"</#if>>Watch</a>
      <a href="/lessons/${lesson.id}/exercise"<#if exercise??> aria-current="page"</#if>>Do it yourself</a>
    </nav>
  <#else>
    <h1>Free lab</h1>
    <p class="lead">A host with <code>eth0</code> 203.0.113.2/24 and a way to the internet (198.51.100.8).
      Type any command below.</p>
  </#if>
  <#include "lab.ftl">
</@layout.page>
