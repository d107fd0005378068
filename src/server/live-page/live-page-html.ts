import { LIVE_PATHS } from './live-paths';

/**
 * The live page: one HTML document with its CSS and script inline (no external asset, works
 * offline). It polls the JSON endpoints under {@link LIVE_PATHS} every second and renders with
 * textContent only (no HTML built from vault data).
 */
export const LIVE_PAGE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>kms-vault-mock: live view</title>
<style>
*{box-sizing:border-box}
body{font:13px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;margin:0;color:#1d2330;background:#f6f7fa}
header{background:#232f3e;color:#fff;padding:10px 18px;display:flex;gap:18px;align-items:baseline;flex-wrap:wrap}
header h1{font-size:16px;margin:0}
header .meta{color:#c7ccd6}
header .live{margin-left:auto;color:#8fdc9e}
nav{display:flex;gap:2px;padding:0 18px;background:#e9ecf2;border-bottom:1px solid #d5d9e1}
nav button{border:0;background:none;padding:8px 12px;cursor:pointer;font:inherit;color:#38414f}
nav button.on{background:#fff;border:1px solid #d5d9e1;border-bottom-color:#fff;margin-bottom:-1px;font-weight:600}
main{padding:14px 18px}
.panel{display:none}.panel.on{display:block}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{border-bottom:1px solid #e6e8ee;padding:4px 7px;text-align:left;vertical-align:top}
th{background:#f0f2f6;font-weight:600}
tr.row{cursor:pointer}tr.row:hover td{background:#f2f7ff}
.mono{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12px}
.badge{display:inline-block;padding:0 6px;border-radius:9px;font-size:11px;background:#e6e8ee}
.Enabled,.OK{background:#d8f3dc;color:#1b4332}.Disabled{background:#eee;color:#555}
.PendingDeletion,.PendingReplicaDeletion,.err{background:#fde2e1;color:#7a1c1c}
.PendingImport,.Unavailable,.Creating,.Updating{background:#fff1c2;color:#6b4e00}
.bar{display:flex;gap:8px;align-items:center;margin-bottom:8px}
.bar input{padding:4px 7px;border:1px solid #c9ced8;border-radius:4px;min-width:260px}
.bar button{padding:3px 10px}
#detail{position:fixed;top:0;right:0;bottom:0;width:min(620px,95vw);background:#fff;border-left:1px solid #c9ced8;box-shadow:-4px 0 16px rgba(0,0,0,.12);padding:14px 18px;overflow:auto;display:none}
#detail.on{display:block}
#detail h2{font-size:15px;margin:0 0 8px}
#detail pre{background:#f6f7fa;padding:8px;overflow:auto;max-height:320px}
dl.kv{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0 0 10px}dl.kv dt{color:#5b6473}
.denial{color:#7a1c1c;font-size:12px}
.muted{color:#8a92a0}
.chip{display:inline-block;border-radius:3px;padding:0 4px;margin:1px;font-size:11px}.hit{background:#d8f3dc}.miss{background:#fde2e1}.other{background:#fff1c2}
</style></head>
<body>
<header><h1>kms-vault-mock</h1><span class="meta" id="where"></span><span class="meta" id="counts"></span><span class="live" id="live">connecting…</span></header>
<nav id="tabs"></nav>
<main>
<section class="panel" id="p-keys"><div class="bar"><input id="q" placeholder="Filter: id, ARN, alias, description, spec, state" aria-label="filter keys"><button id="prev">‹ Prev</button><span id="pageinfo" class="muted"></span><button id="next">Next ›</button></div>
<table><thead><tr><th>Key</th><th>Aliases</th><th>State</th><th>Spec</th><th>Usage</th><th>Rotation</th><th>Tags</th><th>Created</th></tr></thead><tbody id="keys"></tbody></table></section>
<section class="panel" id="p-calls"><table><thead><tr><th>Vault time</th><th>Operation</th><th>Outcome</th><th>Key</th><th>Caller</th></tr></thead><tbody id="calls"></tbody></table></section>
<section class="panel" id="p-grants"><table><thead><tr><th>Grant</th><th>Key</th><th>Grantee</th><th>Operations</th><th>Created</th></tr></thead><tbody id="grants"></tbody></table></section>
<section class="panel" id="p-principals"><table><thead><tr><th>Principal</th><th>Type</th><th>Access key id</th><th>Identity policies</th></tr></thead><tbody id="principals"></tbody></table></section>
<section class="panel" id="p-stores"><table><thead><tr><th>Custom key store</th><th>Name</th><th>Type</th><th>Connection</th><th>Backing</th></tr></thead><tbody id="stores"></tbody></table></section>
<section class="panel" id="p-coverage"><p id="covsum"></p><table><thead><tr><th>Operation</th><th>Calls</th><th>OK</th><th title="green: documented for the operation; yellow: not documented for it">Exceptions raised</th><th>Never raised</th></tr></thead><tbody id="coverage"></tbody></table><p id="never" class="muted"></p><div id="dims"></div></section>
</main>
<aside id="detail" aria-label="key detail"></aside>
<script>
(function(){
'use strict';
var API='${LIVE_PATHS.api}';
var TABS=[['keys','Keys'],['calls','Recent calls'],['grants','Grants'],['principals','Principals'],['stores','Custom key stores'],['coverage','Coverage']];
var tab='keys',offset=0,limit=50,total=0,q='',openKey=null;
function el(tag,text,cls){var e=document.createElement(tag);if(text!=null)e.textContent=String(text);if(cls)e.className=cls;return e;}
function row(cells,cls){var tr=el('tr',null,cls);cells.forEach(function(c){var td=el('td');if(c instanceof Node)td.appendChild(c);else td.textContent=c==null?'':String(c);tr.appendChild(td);});return tr;}
function badge(t){return el('span',t,'badge '+(t==='OK'||/^(Enabled|Disabled|Pending\\w*|Unavailable|Creating|Updating)$/.test(t)?t:'err'));}
function fill(id,rows,empty,cols){var b=document.getElementById(id);b.textContent='';if(rows.length===0){var tr=el('tr');var td=el('td',empty,'muted');td.colSpan=cols;tr.appendChild(td);b.appendChild(tr);}rows.forEach(function(r){b.appendChild(r);});}
function get(path){return fetch(path,{cache:'no-store'}).then(function(r){if(!r.ok)throw new Error(r.status);return r.json();});}
var nav=document.getElementById('tabs');
TABS.forEach(function(t){var b=el('button',t[1]);b.id='tab-'+t[0];b.onclick=function(){tab=t[0];show();refresh();};nav.appendChild(b);});
function show(){TABS.forEach(function(t){document.getElementById('tab-'+t[0]).className=t[0]===tab?'on':'';document.getElementById('p-'+t[0]).className='panel'+(t[0]===tab?' on':'');});}
document.getElementById('q').oninput=function(e){q=e.target.value;offset=0;refresh();};
document.getElementById('prev').onclick=function(){offset=Math.max(0,offset-limit);refresh();};
document.getElementById('next').onclick=function(){if(offset+limit<total){offset+=limit;refresh();}};
function short(id){return id.length>40?id.slice(0,8)+'…'+id.slice(-12):id;}
function renderOverview(o){
  document.getElementById('where').textContent='account '+o.accountId+' · '+o.region+' · vault time '+o.vaultTime.replace('T',' ').slice(0,19);
  var c=o.counts;document.getElementById('counts').textContent=c.keys+' keys · '+c.aliases+' aliases · '+c.grants+' grants · '+c.principals+' principals · '+c.customKeyStores+' key stores · '+o.totalCalls+' calls';
  fill('calls',o.calls.map(function(k){var out=el('div');out.appendChild(badge(k.outcome));if(k.message){out.appendChild(el('div',k.message,'denial'));}if(k.denial){out.appendChild(el('div','Why: '+k.denial.summary,'denial'));}
    var key=el('span',k.keyId?short(k.keyId):'','mono');return row([k.time.replace('T',' ').slice(0,23),k.operation,out,key,el('span',k.caller,'mono')]);}),'No calls yet.',5);
  fill('grants',o.grants.map(function(g){return row([el('span',short(g.grantId)+(g.name?' ('+g.name+')':''),'mono'),el('span',short(g.keyArn),'mono'),el('span',g.granteePrincipal,'mono'),g.operations.join(', '),g.creationDate.slice(0,19)]);}),'No grants.',5);
  fill('principals',o.principals.map(function(p){return row([el('span',p.arn,'mono'),p.type,el('span',p.accessKeyId,'mono'),p.identityPolicies]);}),'No principals added (calls act as the account root).',4);
  fill('stores',o.customKeyStores.map(function(s){return row([el('span',s.customKeyStoreId,'mono'),s.name,s.type,s.connectionState+(s.connectionErrorCode?' ('+s.connectionErrorCode+')':''),s.cloudHsmClusterId||((s.xksProxyUriEndpoint||'')+(s.xksProxyUriPath||''))]);}),'No custom key stores.',5);
}
function renderKeys(p){
  total=p.total;document.getElementById('pageinfo').textContent=p.total===0?'no keys':(p.offset+1)+'–'+(p.offset+p.keys.length)+' of '+p.total;
  fill('keys',p.keys.map(function(k){var r=row([el('span',k.keyId,'mono'),k.aliases.join(', '),badge(k.keyState),k.keySpec,k.keyUsage,k.rotation.enabled?'every '+k.rotation.periodDays+' d':'off',k.tagCount,k.creationDate.slice(0,19)],'row');r.onclick=function(){openKey=k.arn;detail();};return r;}),'No keys.',8);
}
function kv(dl,k,v){dl.appendChild(el('dt',k));dl.appendChild(el('dd',v==null?'':v));}
var detailBusy=false;
function detail(){
  var d=document.getElementById('detail');if(!openKey){d.className='';return;}
  detailBusy=true;
  get(API+'/key?id='+encodeURIComponent(openKey)).then(function(k){
    d.textContent='';var close=el('button','Close');close.onclick=function(){openKey=null;detail();};close.style.float='right';d.appendChild(close);
    d.appendChild(el('h2','Key '+k.keyId));var dl=el('dl',null,'kv');
    kv(dl,'ARN',k.arn);kv(dl,'State',k.keyState+(k.deletionDate?' (deletion '+k.deletionDate.slice(0,19)+')':''));kv(dl,'Spec',k.keySpec);kv(dl,'Usage',k.keyUsage);kv(dl,'Origin',k.origin);kv(dl,'Manager',k.keyManager);
    kv(dl,'Description',k.description);kv(dl,'Aliases',k.aliases.join(', ')||'none');kv(dl,'Rotation',k.rotation.enabled?'every '+k.rotation.periodDays+' days, next '+k.rotation.nextRotationDate.slice(0,10):'off');
    kv(dl,'Key material versions',k.keyMaterials.length);if(k.multiRegion)kv(dl,'Multi-Region','primary '+k.multiRegion.primaryRegion+'; '+k.multiRegion.regions.join(', '));
    if(k.customKeyStoreId)kv(dl,'Custom key store',k.customKeyStoreId);if(k.lastUsage)kv(dl,'Last used',k.lastUsage.operation+' at '+k.lastUsage.time.slice(0,19));
    d.appendChild(dl);d.appendChild(el('h3','Tags'));var tags=Object.keys(k.tags);
    if(tags.length===0)d.appendChild(el('p','none','muted'));else{var t=el('dl',null,'kv');tags.forEach(function(n){kv(t,n,k.tags[n]);});d.appendChild(t);}
    d.appendChild(el('h3','Grants ('+k.grants.length+')'));k.grants.forEach(function(g){d.appendChild(el('div',(g.name||g.grantId.slice(0,12))+': '+g.granteePrincipal+' may '+g.operations.join(', '),'mono'));});
    d.appendChild(el('h3','Key policy'));d.appendChild(el('pre',typeof k.policy==='string'?k.policy:JSON.stringify(k.policy,null,2),'mono'));
    d.className='on';
  }).catch(function(){d.className='';openKey=null;}).then(function(){detailBusy=false;});
}
function renderCoverage(c){
  var t=c.totals;document.getElementById('covsum').textContent=t.operationsCalled+' of '+t.operations+' operations called · '+t.calls+' calls ('+t.successes+' succeeded, '+t.failures+' failed) · '+t.documentedErrorsRaised+' of '+t.documentedErrors+' documented exceptions raised';
  var rows=Object.keys(c.operations).map(function(n){return c.operations[n];}).filter(function(o){return o.calls>0;});
  fill('coverage',rows.map(function(o){var raised=el('span');o.documentedErrorsRaised.forEach(function(e){raised.appendChild(el('span',e.replace(/Exception$/,'')+' '+o.errors[e],'chip hit'));});
    o.otherErrorsRaised.forEach(function(e){var c=el('span',e.replace(/Exception$/,'')+' '+o.errors[e],'chip other');c.title='not documented for '+o.operation;raised.appendChild(c);});
    var never=el('span');o.documentedErrorsNeverRaised.forEach(function(e){never.appendChild(el('span',e.replace(/Exception$/,''),'chip miss'));});return row([o.operation,o.calls,o.successes,raised,never]);}),'No calls yet.',5);
  document.getElementById('never').textContent='Never called: '+(c.neverCalled.join(', ')||'none');
  var dims=document.getElementById('dims');dims.textContent='';[['Key specs',c.keySpecs],['Key states',c.keyStates],['Encryption algorithms',c.encryptionAlgorithms],['Signing algorithms',c.signingAlgorithms],['MAC algorithms',c.macAlgorithms]].forEach(function(d){
    var line=el('div');line.appendChild(el('b',d[0]+': '));Object.keys(d[1].used).forEach(function(k){line.appendChild(el('span',k+' '+d[1].used[k],'chip hit'));});d[1].neverUsed.forEach(function(k){line.appendChild(el('span',k,'chip miss'));});dims.appendChild(line);});
}
var busy=false;
function refresh(){
  if(busy)return;busy=true;
  var jobs=[get(API+'/overview').then(renderOverview)];
  if(tab==='keys')jobs.push(get(API+'/keys?offset='+offset+'&limit='+limit+'&q='+encodeURIComponent(q)).then(renderKeys));
  if(tab==='coverage')jobs.push(get('${LIVE_PATHS.coverage}').then(renderCoverage));
  Promise.all(jobs).then(function(){document.getElementById('live').textContent='live · updated '+new Date().toLocaleTimeString();document.body.setAttribute('data-updated',String(Date.now()));},
    function(){document.getElementById('live').textContent='server unreachable, retrying…';}).then(function(){busy=false;});
}
show();refresh();setInterval(function(){refresh();if(openKey&&!detailBusy)detail();},1000);
})();
</script>
</body></html>
`;
