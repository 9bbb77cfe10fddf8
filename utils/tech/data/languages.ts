// Catalog data: programming languages and runtimes.
import type { TechRows } from '../rows';

export const LANGUAGES: readonly TechRows[] = [
  [
    'language',
    [
      'Bash|gnu.org/software/bash|shell script,shell scripts',
      'C|en.cppreference.com/w/c|||code,written,extension,extensions,library,libraries,language,compiled,compiler,bindings,native//level,suite,corp,series',
      'cpp:C++|isocpp.org|cplusplus,cpp,C plus plus',
      'c-sharp:C#|docs.microsoft.com/en-us/dotnet/csharp|C Sharp,csharp',
    ],
  ],
  [
    'framework',
    [
      'dotnet:.NET|dotnet.microsoft.com|dotnet,dot net,.NET Framework',
      'dotnet-core:.NET Core|docs.microsoft.com/en-us/dotnet/core|dotnet core,dot net core',
    ],
  ],
  [
    'language',
    [
      'Elixir|elixir-lang.org',
      'Erlang|.org|Erlang/OTP,BEAM',
      'golang:Go|.org|Golang,Go lang,Go||language,languages,written,code,codebase,binary,binaries,compiled,goroutine,goroutines,rewrite,rewrote,rewriting,rewritten,backend,back,service,services,microservice,microservices,api,apis,app,server,program,programs,modules,library,libraries,developers,using,lines//ahead,live,down,up,out,through,away,get,let,green,figure,see,check,forward|Go',
      'Java|.com|JVM,JDK||case',
      'JavaScript|developer.mozilla.org/en-US/docs/Web/JavaScript|JS,ECMAScript,vanilla JS,ES6',
      'TypeScript|typescriptlang.org|TS||case|TS',
      'Kotlin|kotlinlang.org',
      'Clojure|.org|ClojureScript',
      'Haskell|.org',
      'OCaml|.org',
      'fsharp:F#|.org|F Sharp,fsharp',
      'Objective-C|developer.apple.com/documentation/objectivec|ObjC,Obj-C,ObjectiveC',
      // Also a surname ("Jon Perl goes over building…"): needs language context.
      'Perl|.org|||script,scripts,scripting,cpan,language,written,code,modules,mojolicious,catalyst,dancer',
      'Lua|.org|||case',
      'r-lang:R|r-project.org|R language,RStudio||language,statistics,statistical,data,scripts,packages,written,code|R',
      'Julia|julialang.org|Julia language,JuliaLang||language,scientific,numerical,written,code|Julia',
      'Dart|.dev|||language,flutter,written,code/flutter',
      'Crystal|crystal-lang.org|Crystal lang||language,written,code,compiled|Crystal',
      'Nim|nim-lang.org|Nim lang||language,written,code|Nim',
      'Zig|ziglang.org|||language,written,code',
      'Groovy|groovy-lang.org|||language,jvm,gradle,jenkins,java,scripts',
      'Elm|elm-lang.org|||language,front,frontend,written,code,functional',
      'PHP|php.net',
      'Python|.org|Python 2,Python 3,CPython,PyPy',
      'Ruby|ruby-lang.org|MRI,JRuby',
      'Rust|rust-lang.org|Rustlang,Rust lang||language,languages,written,code,codebase,crate,crates,cargo,compiler,compiled,borrow,rewrite,rewrote,rewriting,rewritten,wasm,webassembly,backend,service,services,binary,developers,lines,memory//belt|Rust',
      'Scala|scala-lang.org',
      'Swift|developer.apple.com/swift|SwiftUI||ios,apple,xcode,iphone,ipad,macos,mobile,app,apps,language,written,code,native/objective-c,kotlin/taylor|Swift',
      'Node|nodejs.org|Node.js,NodeJS,Node JS||case|Node',
      'Deno|deno.land,deno.com',
      'Bun|bun.sh,bun.com|Bun.js,Bun.sh||javascript,js,runtime,node,deno,typescript|Bun',
      'WebAssembly|.org|WASM,Web Assembly',
    ],
  ],
  ['other', ['GraphQL|.org|GQL']],
  [
    'language',
    [
      'Sass|sass-lang.com|SCSS||case',
      'HTML|developer.mozilla.org/en-US/docs/Web/HTML|HTML5',
      'CSS|developer.mozilla.org/en-US/docs/Web/CSS|CSS3,Cascading Style Sheets',
      'Solidity|soliditylang.org|||case',
      'ReScript|rescript-lang.org',
      'Gleam|gleam.run|||language,erlang,beam,typed,functional,written,code,compiler/erlang,elixir|Gleam',
      'Roc|roc-lang.org|Roc lang,RocLang,RockLang||language,functional,compiler,written,code,platform/elm,haskell|Roc',
      'Unison|unison-lang.org|Unison language,Unison Computing||language,code,distributed,functional,content-addressed,codebase,programming/haskell|Unison',
    ],
  ],
];
