<#-- Download capture (.pcap): a link's packets since the lab began; on the kernel, how to capture instead -->
<#if capturesKept??>
  <section class="capture" aria-label="capture">
    <h2>Packets</h2>
    <p class="hint">A lab on the kernel keeps no packets to download: capture them in the lab with <code>tcpdump -i DEV -n</code>, or <code>tcpdump -i DEV -w FILE</code> and then <code>tcpdump -r FILE</code>.</p>
  </section>
<#elseif captures?? && captures?has_content>
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
