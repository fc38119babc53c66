<#-- Download capture (.pcap): a link's packets since the lab began, or since the step began -->
<#if captures?? && captures?has_content>
  <section class="capture" aria-label="capture">
    <h2>Packets</h2>
    <form method="get" action="${action}/capture">
      <label for="capture-link">Link</label>
      <select id="capture-link" name="link">
        <#list captures as c><option value="${c.ns}/${c.device}">${c.label}</option></#list>
      </select>
      <#if captureSteps>
      <label for="capture-from">From</label>
      <select id="capture-from" name="from">
        <option value="lab">the lab's start</option>
        <option value="step">this step's start</option>
      </select>
      </#if>
      <button type="submit">Download capture (.pcap)</button>
    </form>
  </section>
</#if>
