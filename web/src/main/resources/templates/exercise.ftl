<#-- a lesson the learner does themselves: the open step's goal, Check, Hint, Show me; included by lab.ftl -->
<section class="exercise" aria-label="exercise">
  <div class="controls">
    <span class="progress" role="status"><#if exercise.finished>Every step behind you<#else>Step ${exercise.number} of ${exercise.total}</#if> · ${exercise.progress}</span>
    <form method="post" action="${action}/reset" hx-post="${action}/reset" hx-target="#lab" hx-swap="outerHTML" hx-disabled-elt="button">
      <button type="submit">Start over</button>
    </form>
  </div>
  <ol class="exercise-steps" aria-label="steps">
  <#list exercise.steps as s>
    <li class="${s.status}"<#if s.status == "open"> aria-current="step"</#if>><span class="mark" aria-hidden="true"></span>${s.title} <span class="status">(${s.label})</span></li>
  </#list>
  </ol>
  <#if exercise.behind??>
  <div class="behind<#if exercise.behind.shown> shown</#if>" role="status">
    <#if exercise.behind.shown>
    <p><strong>Step ${exercise.behind.number} shown</strong> (${exercise.behind.title}): the lab went back to where the step began, and its commands ran.</p>
    <div class="terminal" tabindex="0" role="group" aria-label="commands shown">
<#list exercise.behind.outputs as o><div class="cmd"><span class="prompt">${o.prompt}</span>${o.command}</div><#if o.output?has_content><pre class="out<#if o.rc != 0> failed</#if>">${o.output}</pre></#if></#list>
    </div>
    <#else>
    <p><strong>Step ${exercise.behind.number} done</strong> (${exercise.behind.title}): every goal holds.</p>
    </#if>
    <ul class="verdicts">
    <#list exercise.behind.findings as f>
      <li class="${f.passed?then('pass', 'fail')}"><span class="mark">${f.passed?then('✓', '✗')}</span> ${f.text?no_esc} <span class="observed">(${f.detail?no_esc})</span></li>
    </#list>
    </ul>
  </div>
  </#if>
  <#if exercise.step??>
  <#assign s = exercise.step>
  <article class="step">
    <h2>${s.number}. ${s.title}</h2>
    <div class="explanation">${s.explanation?no_esc}</div>
    <h3>Goal</h3>
    <#if s.goals?has_content>
    <ul class="verdicts goals" aria-label="goal">
    <#list s.goals as g>
      <#if g.passed??>
      <li class="${g.passed?then('pass', 'fail')}"><span class="mark">${g.passed?then('✓', '✗')}</span> ${g.text?no_esc}<#if !g.passed><div class="why">${g.detail?no_esc}</div></#if></li>
      <#else>
      <li class="unchecked"><span class="mark" aria-hidden="true">○</span> ${g.text?no_esc}</li>
      </#if>
    </#list>
    </ul>
    <#else>
    <p class="note">This step has no goal to check: do what it says, then press Check.</p>
    </#if>
    <#list s.notes as n><p class="note">${n?no_esc}</p></#list>
    <#if s.checked><p class="check-says" role="status">Not yet: <#if s.typed == 0>type your commands in the console below, then press Check again.<#else>what fails says why.</#if></p></#if>
    <div class="controls actions">
      <form method="post" action="${action}/check" hx-post="${action}/check" hx-target="#lab" hx-swap="outerHTML" hx-disabled-elt="button">
        <input type="hidden" name="log" value="${log}">
        <button type="submit" class="primary">Check</button>
      </form>
      <form method="post" action="${action}/hint" hx-post="${action}/hint" hx-target="#lab" hx-swap="outerHTML" hx-disabled-elt="button">
        <input type="hidden" name="log" value="${log}">
        <button type="submit"<#if s.hints?size gte s.hintCount> disabled</#if>>Hint</button>
      </form>
      <span class="hint-count">${s.hints?size} of ${s.hintCount} hints</span>
      <form method="post" action="${action}/show" hx-post="${action}/show" hx-target="#lab" hx-swap="outerHTML" hx-disabled-elt="button">
        <input type="hidden" name="log" value="${log}">
        <button type="submit">Show me</button>
      </form>
    </div>
    <#if s.hints?has_content>
    <ol class="hints" aria-label="hints">
    <#list s.hints as h>
      <li><span class="hint-label">Hint ${h?counter} of ${s.hintCount}</span>${h?no_esc}</li>
    </#list>
    </ol>
    </#if>
  </article>
  <#else>
  <article class="step finished">
    <h2>Every step behind you</h2>
    <p>${exercise.alone} alone, ${exercise.withHints} with hints, ${exercise.shown} shown. Your lab stays as it is: try anything in the console.</p>
  </article>
  </#if>
</section>
