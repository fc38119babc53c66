<table class="matrix">
  <thead><tr><th>from \ to</th><#list reachability.columns as c><th>${c}</th></#list></tr></thead>
  <tbody>
  <#list reachability.rows as r>
    <tr><th>${r.name}</th><#list r.cells as cell><td class="${(cell.ok == 'yes')?then('yes', 'no')}" title="${cell.why}">${cell.text}</td></#list></tr>
  </#list>
  </tbody>
</table>
<#if reachability.truncated><p class="note">Larger labs show their first rows and columns.</p></#if>
