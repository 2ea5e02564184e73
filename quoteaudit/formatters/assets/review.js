// The review page's script (inlined by quoteaudit/formatters/html.py, allowed by its hash):
// severity filters, j/k between findings, pointing at a speaker highlights their quotations.
(function(){
var body=document.body;
var controls=document.querySelector('.controls');
if(controls){controls.hidden=false;
controls.addEventListener('change',function(e){var s=e.target.getAttribute('data-filter');
if(s){body.classList.toggle('hide-'+s,!e.target.checked);}});}
function visible(){return Array.prototype.filter.call(document.querySelectorAll('.text .mk'),
function(m){return m.offsetParent!==null;});}
document.addEventListener('keydown',function(e){
if(e.altKey||e.ctrlKey||e.metaKey||/INPUT|TEXTAREA|SELECT/.test(e.target.tagName))return;
if(e.key!=='j'&&e.key!=='k')return;
var marks=visible();if(!marks.length)return;
var i=marks.indexOf(document.activeElement);
i=e.key==='j'?(i<0?0:Math.min(i+1,marks.length-1)):(i<0?marks.length-1:Math.max(i-1,0));
marks[i].focus();marks[i].scrollIntoView({block:'center'});e.preventDefault();});
Array.prototype.forEach.call(document.querySelectorAll('.who[data-swatch]'),function(row){
var cls=row.getAttribute('data-swatch');var article=row.closest('.file');row.tabIndex=0;
function on(){body.classList.add('dim');Array.prototype.forEach.call(article.querySelectorAll('.q.'+cls),
function(q){q.classList.add('hl');});}
function off(){body.classList.remove('dim');Array.prototype.forEach.call(document.querySelectorAll('.q.hl'),
function(q){q.classList.remove('hl');});}
row.addEventListener('mouseenter',on);row.addEventListener('mouseleave',off);
row.addEventListener('focus',on);row.addEventListener('blur',off);});
})();
