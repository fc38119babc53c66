<#import "layout.ftl" as layout>
<@layout.page title="Not found">
  <h1>Not found</h1>
  <p>${message}</p>
  <#if lessons?has_content>
  <p>The lessons are:</p>
  <ul><#list lessons as l><li><a href="/lessons/${l.id}">${l.title}</a></li></#list></ul>
  </#if>
</@layout.page>
