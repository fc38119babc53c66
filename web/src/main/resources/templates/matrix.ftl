<div class="matrix-frame" tabindex="0" role="region" aria-label="who can ping what, scrolls">
<table class="matrix">
  <thead><tr><th scope="col">from \ to</th><#list reachability.columns as c><th scope="col">${c}</th></#list></tr></thead>
  <tbody>
  <#list reachability.rows as r>
    <tr><th scope="row">${r.name}</th><#list r.cells as cell><td class="${(cell.ok == 'yes')?then('yes', 'no')}" title="${cell.why}">${cell.text}<#if cell.ok != 'yes'><span class="sr-only"> no</span></#if></td></#list></tr>
  </#list>
  </tbody>
</table>
</div>
<#assign failed = []>
<#list reachability.rows as r><#list r.cells as cell><#if cell.ok != 'yes'><#assign failed = failed + [{"from": r.name, "to": reachability.columns[cell?index], "why": cell.why}]></#if></#list></#list>
<#if failed?has_content>
<details class="reasons">
  <summary>Why each <span aria-hidden="true">&#x2717;</span><span class="sr-only">failed ping</span> (${failed?size})</summary>
  <ul>
  <#list failed as f><li><code>${f.from}</code> &rarr; <code>${f.to}</code>: ${f.why}</li></#list>
  </ul>
</details>
</#if>
<#if reachability.truncated><p class="note">Larger labs show their first rows and columns.</p></#if>
