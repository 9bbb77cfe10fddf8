// Where own sites keep an episode's audio when there is no plain <audio src>, each case written for these tests
// from markup public code shows (named beside each): what Stackcast can play, and what is only a player link.
import { describe, expect, it } from 'vitest';
import { findAudio } from '@/utils/sites/page-audio';
import { documentFrom } from './dom';

const BASE = new URL('https://show.example/episodes/7');

function audioOf(body: string) {
  const doc = documentFrom(`<!DOCTYPE html><html><body>${body}</body></html>`);
  return findAudio(doc.body, BASE);
}

describe('playable audio', () => {
  it.each([
    [
      '<audio><source src> (PowerPress, Seriously Simple Podcasting)',
      '<audio preload="none" class="clip"><source src="https://cdn.example/ep7.mp3"></audio>',
      'https://cdn.example/ep7.mp3',
    ],
    [
      'a Squarespace audio block’s data-url',
      '<div class="sqs-audio-embed" data-url="https://static.example/ep7.mp3" data-title="Ep 7"></div>',
      'https://static.example/ep7.mp3',
    ],
    [
      'a player’s data-src without a file extension (a stream address)',
      '<div class="episode-player" data-src="https://stream.example/play/7"></div>',
      'https://stream.example/play/7',
    ],
    ['a body’s data-default-episode-url (Transistor sites)', '', null],
    [
      'JSON in a data attribute (Transistor share embeds)',
      '<div id="embed-app" data-episodes="[{&quot;title&quot;:&quot;Ep 7&quot;,&quot;trackable_media_url&quot;:&quot;https:\\/\\/media.example\\/7.mp3&quot;}]"></div>',
      'https://media.example/7.mp3',
    ],
    [
      'a relative download link with the `download` attribute (static sites)',
      '<a href="/media/ep7.m4a" download>Download</a>',
      'https://show.example/media/ep7.m4a',
    ],
    [
      'a download link without an extension marked `download` (SSP podcast-download)',
      '<a class="podcast-meta-download" href="https://show.example/podcast-download/7/ep?ref=download" download>Download file</a>',
      'https://show.example/podcast-download/7/ep?ref=download',
    ],
    [
      'rel=enclosure',
      '<link rel="enclosure" type="audio/mpeg" href="https://cdn.example/enclosure/7">',
      'https://cdn.example/enclosure/7',
    ],
    [
      'a tracker’s redirect path (`redirect.mp3/…`)',
      '<a href="https://dts.example/redirect.mp3/cdn.example/7">Listen</a>',
      'https://dts.example/redirect.mp3/cdn.example/7',
    ],
    [
      'an embed carrying the file (Blubrry’s player.blubrry.com/?media_url=…)',
      '<iframe title="Blubrry Podcast Player" src="https://player.blubrry.example/?media_url=https%3A%2F%2Fmedia.example%2Fshow%2Fep7.mp3"></iframe>',
      'https://media.example/show/ep7.mp3',
    ],
  ])('%s', (_, body, expected) => {
    if (expected === null) {
      const doc = documentFrom(
        '<!DOCTYPE html><html><body data-default-episode-url="https://media.example/default.mp3"><p>notes</p></body></html>',
      );
      expect(findAudio(doc.body, BASE).audioUrl).toBe('https://media.example/default.mp3');
      return;
    }
    expect(audioOf(body).audioUrl).toBe(expected);
  });
});

describe('not playable audio', () => {
  it('an embed without a file is the player link only (Libsyn, Buzzsprout, Spotify embeds)', () => {
    const found = audioOf(
      '<iframe src="//html5-player.libsyn.example/embed/episode/id/16214276/height/90/"></iframe>',
    );
    expect(found).toEqual({
      audioUrl: null,
      playerUrl: 'https://html5-player.libsyn.example/embed/episode/id/16214276/height/90/',
    });
  });

  it('a map, a form or an ad in a frame is no player; artwork in data-src is no audio', () => {
    const found = audioOf(
      '<iframe src="https://maps.example/v1/place?q=studio"></iframe><iframe title="Newsletter" src="https://forms.example/f/123"></iframe><img class="episode-artwork" data-src="https://img.example/ep7.jpg" alt="">',
    );
    expect(found).toEqual({ audioUrl: null, playerUrl: null });
  });

  it('a player’s id in a data- attribute is no address (it would resolve to a page of the site)', () => {
    expect(
      audioOf('<div class="castos-player" data-src="2211" data-file="episode-7"></div>').audioUrl,
    ).toBeNull();
  });

  it('a link to a page about audio is not audio', () => {
    expect(
      audioOf(
        '<a href="/episodes/8">Next episode</a><a href="https://blog.example/why-mp3-still-matters">Why MP3 still matters</a>',
      ).audioUrl,
    ).toBeNull();
  });
});
