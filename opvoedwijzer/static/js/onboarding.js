// New organisation: suggest the address from the name while the address was not typed by hand.
// Without JavaScript the server makes the same suggestion when the address is left empty.
document.addEventListener("DOMContentLoaded", () => {
  const name = document.getElementById("id_name");
  const slug = document.getElementById("id_slug");
  if (!name || !slug) return;
  let typed = slug.value !== "";
  slug.addEventListener("input", () => { typed = slug.value !== ""; });
  name.addEventListener("input", () => {
    if (typed) return;
    slug.value = name.value
      .normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 50).replace(/-+$/, "");
  });
});
