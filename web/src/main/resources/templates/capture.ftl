<#-- Download capture (.pcap): a link's packets since the lab began -->
<#if captures?? && captures?has_content>
  <section class="capture" aria-label="capture">
    <h2>Packets</h2>
    <form method="get" action="${action}/capture">
      <label for="capture-link">Link</label>
      <select id="capture-link" name="link">
        <#list captures as c><option value="${c.ns}/${c.device}">${c.label}</option></#list>
      </select>
      <button type="submit">Download capture (.pcap)</button>
    </form>
  </section>
</#if>
