// Applies the remembered theme before the app renders (external file: the CSP forbids inline scripts).
(() => {
  try {
    const t = localStorage.getItem('stronk-theme');
    if (t === 'light' || t === 'dark') document.documentElement.dataset.theme = t;
  } catch {}
})();
