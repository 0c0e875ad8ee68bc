// An agent's own offers: publish a new one, edit one, pause and resume.
import { ErrorText, Field, html, useLoad, usdt } from "./common.js";
import { useState } from "../../vendor/htm-preact.module.js";

const FIELDS = ["side", "fiatCurrency", "price", "minUsdt", "maxUsdt", "paymentMethods", "paymentWindowMinutes", "terms"];

export function OffersPage({ client }) {
  const offers = useLoad(() => client.myOffers(), []);
  const [editing, setEditing] = useState(null); // null, "new" or the offer being edited
  const [error, setError] = useState(null);
  const saved = () => {
    setEditing(null);
    offers.reload();
  };
  const setStatus = (offer, status) => client.changeOffer(offer.id, { status }).then(offers.reload, setError);

  return html`<section class="page offers-page">
    <div class="page-head">
      <h1>My offers</h1>
      ${editing === null && html`<button type="button" class="primary" onClick=${() => setEditing("new")}>New offer</button>`}
    </div>
    ${editing && html`<${OfferForm} key=${editing === "new" ? "new" : editing.id} client=${client}
      offer=${editing === "new" ? null : editing} onSaved=${saved} onCancel=${() => setEditing(null)} />`}
    <${ErrorText} error=${error ?? offers.error} />
    <ul class="cards" aria-label="My offers">
      ${(offers.value ?? []).map((offer) => html`<li key=${offer.id}><article class="offer">
        <header><strong>${offer.side === "SELL" ? "Selling" : "Buying"} USDT</strong> for ${offer.fiatCurrency}
          <span class=${`pill ${offer.status.toLowerCase()}`}>${offer.status}</span></header>
        <p class="price">${offer.price} ${offer.fiatCurrency} <span class="muted">per USDT</span></p>
        <p>Limits ${offer.minUsdt} – ${usdt(offer.maxUsdt)} · ${offer.paymentWindowMinutes} minutes to pay</p>
        <p>Payment methods: ${offer.paymentMethods.join(", ")}</p>
        ${offer.terms && html`<p class="terms">${offer.terms}</p>`}
        <div class="actions">
          ${offer.status !== "CLOSED" && html`<button type="button" onClick=${() => setEditing(offer)}>Edit</button>`}
          ${offer.status === "ACTIVE" && html`<button type="button" onClick=${() => setStatus(offer, "PAUSED")}>Pause</button>`}
          ${offer.status === "PAUSED" && html`<button type="button" onClick=${() => setStatus(offer, "ACTIVE")}>Resume</button>`}
        </div>
      </article></li>`)}
    </ul>
    ${offers.value?.length === 0 && !editing && html`<p class="muted">No offers yet. Publish one to appear in the market.</p>`}
  </section>`;
}

function OfferForm({ client, offer, onSaved, onCancel }) {
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event) => {
    event.preventDefault();
    const fields = Object.fromEntries(new FormData(event.currentTarget));
    const window = fields.paymentWindowMinutes.trim();
    const terms = {
      price: fields.price.trim(),
      minUsdt: fields.minUsdt.trim(),
      maxUsdt: fields.maxUsdt.trim(),
      paymentMethods: fields.paymentMethods.split(",").map((method) => method.trim()).filter(Boolean),
      paymentWindowMinutes: window === "" ? undefined : Number(window),
      terms: fields.terms,
    };
    setBusy(true);
    try {
      if (offer) await client.changeOffer(offer.id, terms);
      else await client.postOffer({ side: fields.side, fiatCurrency: fields.fiatCurrency.trim().toUpperCase(), ...terms });
      onSaved();
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };
  return html`<form class="card offer-form" onSubmit=${submit} aria-label=${offer ? "Edit offer" : "New offer"}>
    <h2>${offer ? "Edit offer" : "New offer"}</h2>
    <div class="grid">
      <${Field} as="select" label="Side" name="side" disabled=${offer !== null} value=${offer?.side ?? "SELL"}>
        <option value="SELL">I sell USDT (users buy)</option>
        <option value="BUY">I buy USDT (users sell)</option>
      <//>
      <${Field} label="Fiat currency" name="fiatCurrency" value=${offer?.fiatCurrency ?? "USD"} maxlength="3" required
        disabled=${offer !== null} error=${error} />
      <${Field} label="Price" name="price" value=${offer?.price ?? ""} inputmode="decimal" required error=${error}
        hint="Fiat per USDT" />
      <${Field} label="Minimum USDT" name="minUsdt" value=${offer?.minUsdt ?? ""} inputmode="decimal" required error=${error} />
      <${Field} label="Maximum USDT" name="maxUsdt" value=${offer?.maxUsdt ?? ""} inputmode="decimal" required error=${error} />
      <${Field} label="Payment methods" name="paymentMethods" value=${offer?.paymentMethods.join(", ") ?? ""} required
        error=${error} hint="Separated by commas, such as: bank transfer, Wise" />
      <${Field} label="Payment window (minutes)" name="paymentWindowMinutes" type="number" min="5" max="120"
        value=${offer?.paymentWindowMinutes ?? 15} error=${error} />
    </div>
    <${Field} as="textarea" label="Terms" name="terms" rows="3" value=${offer?.terms ?? ""} error=${error} />
    <${ErrorText} error=${error} fields=${FIELDS} />
    <div class="actions">
      <button type="submit" class="primary" disabled=${busy}>${offer ? "Save changes" : "Publish"}</button>
      <button type="button" class="quiet" onClick=${onCancel}>Cancel</button>
    </div>
  </form>`;
}
