// The layout picker: the server's layouts (from the layouts directory) with their previews.

const PREVIEW_WIDTH = 160;
const PREVIEW_HEIGHT = 90;

/**
 * A radio group of layouts. `onChoose(name)` is called when the user picks one; `show(name)`
 * marks the room's current layout (which anyone in the room may change).
 */
export class LayoutPicker {
  #container;
  #message;
  #onChoose;
  #current = null;

  constructor(container, message, onChoose) {
    this.#container = container;
    this.#message = message;
    this.#onChoose = onChoose;
  }

  /** Loads the list from GET /api/layouts; says why when the server does not offer it. */
  async load() {
    let body;
    try {
      const response = await fetch('/api/layouts', { headers: { Accept: 'application/json' } });
      if (response.status === 401 || response.status === 403) {
        this.#say('This server lists layouts to its operators only.');
        return;
      }
      if (!response.ok) {
        this.#say(`The layouts could not be listed (HTTP ${response.status}).`);
        return;
      }
      body = await response.json();
    } catch {
      this.#say('The layouts could not be listed: the server did not answer.');
      return;
    }
    this.#render(body.layouts ?? []);
  }

  show(name) {
    this.#current = name;
    for (const input of this.#container.querySelectorAll('input[name="layout"]')) {
      input.checked = input.value.toLowerCase() === String(name).toLowerCase();
    }
  }

  clear() {
    this.#container.replaceChildren();
    this.#message.hidden = true;
  }

  #say(text) {
    this.#message.textContent = text;
    this.#message.hidden = false;
  }

  #render(layouts) {
    const options = layouts.map(layout => {
      const label = document.createElement('label');
      label.className = 'layout-option';
      label.title = layout.description || layout.name;

      const input = document.createElement('input');
      input.type = 'radio';
      input.name = 'layout';
      input.value = layout.name;
      input.addEventListener('change', () => { if (input.checked) this.#onChoose(layout.name); });

      const picture = document.createElement('span');
      picture.className = 'layout-preview';
      const image = document.createElement('img');
      image.alt = '';
      image.width = PREVIEW_WIDTH;
      image.height = PREVIEW_HEIGHT;
      image.loading = 'lazy';
      image.src = `/api/layouts/${encodeURIComponent(layout.name)}/preview.png?width=${PREVIEW_WIDTH}&height=${PREVIEW_HEIGHT}`;
      // A group (e.g. "auto") has no single picture: it picks a layout by how many take part.
      image.addEventListener('error', () => {
        picture.textContent = layout.kind === 'group' ? 'adapts to the room' : 'no preview';
        picture.classList.add('no-preview');
      });
      picture.append(image);

      const name = document.createElement('span');
      name.className = 'layout-name';
      name.textContent = layout.name;
      const description = document.createElement('span');
      description.className = 'layout-description';
      description.textContent = layout.description ?? '';

      label.append(input, picture, name, description);
      return label;
    });
    this.#container.replaceChildren(...options);
    this.#message.hidden = options.length > 0;
    if (options.length === 0) this.#say('This server has no layouts.');
    if (this.#current) this.show(this.#current);
  }
}
