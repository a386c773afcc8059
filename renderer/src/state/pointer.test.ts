import { describe, expect, it } from 'vitest';
import { trackPointer } from './pointer';

/** A mouse event as the document dispatches it (Node has Event, not MouseEvent). */
function mouse(type: string, props: { clientX?: number; clientY?: number; buttons?: number; relatedTarget?: unknown }): Event {
  return Object.assign(new Event(type), { clientX: 0, clientY: 0, buttons: 0, relatedTarget: null, ...props });
}

describe('trackPointer', () => {
  it('knows nothing before the first move, then the last position and buttons', () => {
    const page = new EventTarget();
    const t = trackPointer(page);
    expect(t.last()).toBeNull();
    page.dispatchEvent(mouse('mousemove', { clientX: 10, clientY: 20 }));
    page.dispatchEvent(mouse('mousemove', { clientX: 464, clientY: 644.5 }));
    expect(t.last()).toEqual({ x: 464, y: 644.5, buttons: 0 });
    page.dispatchEvent(mouse('mousemove', { clientX: 470, clientY: 644.5, buttons: 1 }));
    expect(t.last()).toEqual({ x: 470, y: 644.5, buttons: 1 });
  });

  it('forgets the position when the pointer leaves the page, not when it moves between elements', () => {
    const page = new EventTarget();
    const t = trackPointer(page);
    page.dispatchEvent(mouse('mousemove', { clientX: 5, clientY: 6 }));
    page.dispatchEvent(mouse('mouseout', { relatedTarget: {} })); // into another element
    expect(t.last()).toEqual({ x: 5, y: 6, buttons: 0 });
    page.dispatchEvent(mouse('mouseout', { relatedTarget: null })); // out of the window
    expect(t.last()).toBeNull();
  });

  it('stops listening when stopped', () => {
    const page = new EventTarget();
    const t = trackPointer(page);
    t.stop();
    page.dispatchEvent(mouse('mousemove', { clientX: 1, clientY: 2 }));
    expect(t.last()).toBeNull();
  });
});
