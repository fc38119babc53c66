<div id="lab" class="lab" data-log="${log}" data-restore="${action}/restore"<#if exercise??> data-progress="${exercise.progress}"</#if>>
<#if exercise??>
  <#include "exercise.ftl">
<#elseif lesson??>
  <section class="stepper" aria-label="stepper">
    <div class="controls">
      <form method="post" action="${action}/previous" hx-post="${action}/previous" hx-target="#lab" hx-swap="outerHTML" hx-disabled-elt="button">
        <input type="hidden" name="log" value="${log}">
        <button type="submit" <#if !hasPrevious>disabled</#if>>Previous step</button>
      </form>
      <span class="progress" role="status">Step ${done} of ${total}</span>
      <form method="post" action="${action}/next" hx-post="${action}/next" hx-target="#lab" hx-swap="outerHTML" hx-disabled-elt="button">
        <input type="hidden" name="log" value="${log}">
        <button type="submit" class="primary" <#if !hasNext>disabled</#if>>Next step</button>
      </form>
      <form method="post" action="${action}/reset" hx-post="${action}/reset" hx-target="#lab" hx-swap="outerHTML" hx-disabled-elt="button">
        <button type="submit">Reset</button>
      </form>
    </div>
    <#if step??>
      <article class="step">
        <h2>${step.number}. ${step.title}</h2>
        <div class="explanation">${step.explanation?no_esc}</div>
        <div class="terminal" tabindex="0" role="group" aria-label="commands of this step">
<#list step.outputs as o><div class="cmd"><span class="prompt">${o.prompt}</span>${o.command}</div><#if o.output?has_content><pre class="out<#if o.rc != 0> failed</#if>">${o.output}</pre></#if></#list>
        </div>
        <#if step.verdicts?has_content>
        <ul class="verdicts">
          <#list step.verdicts as v>
          <li class="${v.passed?then('pass', 'fail')}"><span class="mark">${v.passed?then('✓', '✗')}</span> ${v.text} <span class="observed">(${v.observed})</span></li>
          </#list>
        </ul>
        </#if>
      </article>
    <#else>
      <article class="step intro">
        <#if lesson.introduction?has_content>${lesson.introduction?no_esc}</#if>
        <p>Press <em>Next step</em> to begin<#if nextTitle??>: <strong>${nextTitle}</strong></#if>.</p>
      </article>
    </#if>
    <#if step?? && nextTitle??><p class="next">Next: ${nextTitle}</p></#if>
  </section>
</#if>

  <section class="console" aria-label="console">
    <h2>Console</h2>
    <p class="hint">Type any command into your own lab: <code>ip a</code>, <code>ip netns exec one ip route</code>, <code>ping -c1 10.0.0.1</code>. <code>help</code> says what the lab knows; Tab completes, ArrowUp recalls, Ctrl-C stops what runs, Ctrl-L or <code>clear</code> clears.</p>
    <div class="terminals">
<#list terminals as t>
    <div class="term" role="region" aria-label="Terminal ${t.number}" data-terminal="${t.number}" data-history="${t.history}" data-typed="${t.total}" data-holding="${t.holding?c}" data-complete="${action}/complete">
    <#if terminals?size gt 1><h3 class="term-name">Terminal ${t.number}</h3></#if>
    <div class="screen terminal" role="log" aria-live="polite" aria-label="Terminal ${t.number} output" tabindex="0">
<#list t.entries as e><div class="entry" data-seq="${e.seq}"><#if !e.arrived><div class="cmd"><span class="prompt">${e.prompt}</span>${e.command}</div></#if><#if e.output?has_content><pre class="out<#if e.rc != 0> failed</#if>">${e.output}</pre></#if></div></#list>
    </div>
    <form method="post" action="${action}/console" hx-post="${action}/console" hx-target="#lab" hx-swap="outerHTML" class="command-line">
      <input type="hidden" name="log" value="${log}">
      <input type="hidden" name="terminal" value="${t.number}">
      <label for="command<#if t.number gt 1>-${t.number}</#if>">Command<#if t.number gt 1> in Terminal ${t.number}</#if></label>
      <span class="prompt">${t.prompt}</span>
      <input id="command<#if t.number gt 1>-${t.number}</#if>" name="command" type="text" autocomplete="off" spellcheck="false"<#if t.number == 1> autofocus</#if>
             placeholder="<#if exercise?? && t.number == 1>type a command, then Check<#elseif t.number == 1>ip netns add blue</#if>" maxlength="20000">
      <button type="submit">Run</button>
    </form>
    </div>
</#list>
    </div>
    <#if moreTerminals>
    <form method="post" action="${action}/terminal" hx-post="${action}/terminal" hx-target="#lab" hx-swap="outerHTML" class="new-terminal" data-focus-elsewhere>
      <input type="hidden" name="log" value="${log}">
      <button type="submit">New terminal</button>
    </form>
    </#if>
    <details class="share">
      <summary>Share this lab</summary>
      <p>This link opens a copy of this lab, as it is now, for whoever opens it: <a class="share-link" href="${action}?log=${log}">${action}?log=${log}</a>
        <button type="button" data-link="${action}?log=${log}" onclick="var u = new URL(this.dataset.link, location.href).href; if (navigator.clipboard) { navigator.clipboard.writeText(u); this.textContent = 'Copied'; }">Copy the link</button></p>
    </details>
    <#if !lesson??>
    <form method="post" action="${action}/reset" hx-post="${action}/reset" hx-target="#lab" hx-swap="outerHTML" class="reset-lab">
      <button type="submit">Reset the lab</button>
    </form>
    </#if>
  </section>

  <#if journeys?has_content>
  <section class="journeys" aria-label="packet journeys">
    <h2>Packet journeys</h2>
    <#list journeys as j>
      <h3><code>${j.command}</code></h3>
      <#if j.why??><p class="why">${j.why}</p></#if>
      <pre tabindex="0">${j.trace}</pre>
    </#list>
  </section>
  </#if>

  <section class="picture" aria-label="topology">
    <h2>Topology</h2>
    <div class="picture-and-player">
    <div class="topology-frame" tabindex="0" role="region" aria-label="topology picture, scrolls">${topology?no_esc}</div>
    <#if player??>
    <section class="journey-player" aria-label="Journey" data-journey>
      <h3>Journey of <code>${player.command}</code></h3>
      <div class="journey-controls">
        <button type="button" data-journey-do="play">Play</button>
        <button type="button" data-journey-do="pause">Pause</button>
        <button type="button" data-journey-do="previous">Previous hop</button>
        <button type="button" data-journey-do="next">Next hop</button>
      </div>
      <div class="journey-now" aria-live="polite" aria-atomic="true"></div>
      <h4>Every hop</h4>
      <ol class="journey-hops">
      <#list player.hops as h>
        <li data-hop-port="${h.port}" data-hop-namespace="${h.namespace}" data-hop-device="${h.device}"<#if h.drop?has_content> data-dropped</#if>>
          <p class="journey-where">Hop ${h.number} of ${player.hops?size}: ${h.namespace}<#if h.device?has_content> ${h.device}</#if>: ${h.what}</p>
          <#if h.headers?has_content><ul class="journey-headers"><#list h.headers as x><li>${x}</li></#list></ul></#if>
          <#if h.changes?has_content><p class="journey-changes">Changed here: ${h.changes?join("; ")}</p></#if>
          <#if h.drop?has_content><p class="journey-drop">Dropped here: ${h.drop}</p></#if>
        </li>
      </#list>
      </ol>
    </section>
    </#if>
    </div>
  </section>

  <section class="reachability" aria-label="reachability">
    <h2>Who can ping what</h2>
    <#if reachability??>
      <#include "matrix.ftl">
    <#else>
      <form method="post" action="${action}/reachability" hx-post="${action}/reachability" hx-target="this" hx-swap="outerHTML" hx-indicator="this"<#if measureNow??> hx-trigger="load"</#if>>
        <input type="hidden" name="log" value="${log}">
        <#if measureNow??>
        <p class="hint">Measuring, on a copy of your lab…</p>
        <#else>
        <p class="hint">On the kernel, the matrix is measured on a copy of your lab, which takes a few seconds.</p>
        </#if>
        <button type="submit">Measure</button>
      </form>
    </#if>
  </section>

  <#include "capture.ftl">
  <section class="state" aria-label="namespaces">
    <h2>Namespaces</h2>
    <div class="panels">
    <#list panels as p>
      <div class="panel ${p.status}" data-namespace="${p.name}">
        <h3>${p.name}<#if p.status == "added"> <span class="badge added">new</span><#elseif p.status == "removed"> <span class="badge removed">deleted</span></#if></h3>
        <p class="forwarding<#if p.forwardingChanged> changed</#if>">forwarding ${p.forwarding?then('on', 'off')}</p>
        <h4>Links</h4>
        <ul class="lines links"><#list p.links as l><li class="${l.mark}">${l.text}</li></#list></ul>
        <h4>Addresses</h4>
        <ul class="lines addresses"><#list p.addresses as l><li class="${l.mark}">${l.text}</li><#else><li class="none">none</li></#list></ul>
        <h4>Routes</h4>
        <ul class="lines routes"><#list p.routes as l><li class="${l.mark}">${l.text}</li><#else><li class="none">none</li></#list></ul>
        <#if p.nat?has_content>
        <h4>NAT</h4>
        <ul class="lines nat"><#list p.nat as l><li class="${l.mark}">${l.text}</li></#list></ul>
        </#if>
      </div>
    </#list>
    </div>
  </section>
</div>
