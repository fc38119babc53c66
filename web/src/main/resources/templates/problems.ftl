<#import "layout.ftl" as layout>
<@layout.page title="${id}: problems">
  <h1>The lesson ${id} has problems</h1>
  <p>The file <code>${file}</code> does not read as a lesson yet. Mend what is listed below and load this page
    again: the file is read anew on every page. <code>netns-lab check ${file}</code> says the same.</p>
  <ol class="lesson-problems">
  <#list problems as p>
    <li><#if p.line gt 0><strong>${file}:${p.line?c}</strong>: </#if>${p.message}</li>
  </#list>
  </ol>
  <p><a href="/">All lessons</a></p>
</@layout.page>
